"""Population pyramids: men to the left, women to the right, one bar per single year of age."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from kommuneokonomi.formatting import percent

NICE_STEPS = (0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0)


@dataclass(frozen=True)
class Side:
    """One sex of a pyramid: its label and, per single age, the share (%) and the count."""

    label: str
    age: Sequence[int]
    share: Sequence[float]
    persons: Sequence[int]


def _step(largest: float) -> float:
    """A round tick step giving two or three ticks on each side of the centre."""
    return next((s for s in NICE_STEPS if largest / s <= 3), math.ceil(largest / 3))


def _ticks(largest: float) -> tuple[list[float], list[str]]:
    step = _step(largest)
    count = int(largest // step) + 1
    values = [step * i for i in range(-count, count + 1)]
    decimals = 0 if step >= 1 else (1 if round(step, 1) == step else 2)
    return values, [percent(abs(v), decimals if v else 0) for v in values]


def _outline(side: Side, sign: int) -> tuple[list[float], list[float]]:
    """Points tracing a step line around each age's bar (bars are 1 year tall)."""
    xs, ys = [], []
    for age, share in zip(side.age, side.share, strict=True):
        xs += [sign * share, sign * share]
        ys += [age - 0.5, age + 0.5]
    return xs, ys


def pyramid(
    men: Side,
    women: Side,
    *,
    name: str,
    color: str,
    persons_word: str,
    age_word: str,
    estimated: bool = False,
    outline: tuple[Side, Side] | None = None,
    outline_name: str = "",
    outline_color: str = "",
) -> go.Figure:
    """Bars of each sex's share of the population by age; hover shows the counts.

    `outline` draws another population's shares as a step line over the bars, to compare
    shapes; estimated figures get hatched bars.
    """
    pattern = (
        {"shape": "/", "fillmode": "overlay", "fgcolor": "white", "size": 5, "solidity": 0.35}
        if estimated
        else None
    )
    traces: list[dict] = []  # dicts, so the figure is validated once, not per property
    for index, (side, sign) in enumerate(((men, -1), (women, 1))):
        traces.append(
            {
                "type": "bar",
                "x": [sign * s for s in side.share],
                "y": list(side.age),
                "orientation": "h",
                "name": name,
                "legendgroup": "bars",
                "showlegend": index == 0,
                "marker": {"color": color, "pattern": pattern, "line": {"width": 0}},
                "customdata": [[p, s] for p, s in zip(side.persons, side.share, strict=True)],
                "hovertemplate": (
                    f"{name}, {side.label.lower()} %{{y}} {age_word}: "
                    f"%{{customdata[0]:,d}} {persons_word} "
                    "(%{customdata[1]:.2f} %)<extra></extra>"
                ),
            }
        )
    largest = max(max(men.share, default=0), max(women.share, default=0))
    if outline is not None:
        for index, (side, sign) in enumerate(zip(outline, (-1, 1), strict=True)):
            xs, ys = _outline(side, sign)
            traces.append(
                {
                    "type": "scatter",
                    "x": xs,
                    "y": ys,
                    "mode": "lines",
                    "name": outline_name,
                    "legendgroup": "outline",
                    "showlegend": index == 0,
                    "hoverinfo": "skip",
                    "line": {"color": outline_color, "width": 1.3},
                }
            )
        largest = max(largest, *outline[0].share, *outline[1].share)
    values, labels = _ticks(largest)
    oldest = max(max(men.age, default=0), max(women.age, default=0))
    sex_labels = [
        {
            "text": f"<b>{side.label}</b>",
            "xref": "paper",
            "yref": "paper",
            "x": x,
            "y": 0.99,
            "xanchor": anchor,
            "yanchor": "top",
            "showarrow": False,
            "font": {"size": 13},
        }
        for side, x, anchor in ((men, 0.01, "left"), (women, 0.99, "right"))
    ]
    layout = {
        "barmode": "overlay",
        "bargap": 0.08,
        "hovermode": "closest",
        "xaxis": {
            "tickvals": values,
            "ticktext": labels,
            "range": [values[0] * 1.03, values[-1] * 1.03],
            "zeroline": True,
        },
        "yaxis": {"dtick": 10, "range": [-0.5, oldest + 0.5], "showgrid": False},
        "annotations": sex_labels,
    }
    fig = go.Figure(data=traces, layout=layout)
    return fig
