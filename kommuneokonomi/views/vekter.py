"""The similarity model's weights as a link writes them, `?vekter=`.

`vekter=struktur` names a preset; `vekter=struktur,folketall:3,tetthet:0` is that preset with
some weights changed; no parameter means the default preset. A weight is a number from 0 to
5 (model.MAX_WEIGHT), written exactly as chosen (`0.5`, `3`), so a copied link restores the
weights exactly. A bad part of the value gives a notice and is left out; the model checks
every weight (model.weights raises ValueError) and this module turns its refusals into
notices a reader understands.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kommuneokonomi.formatting import number
from kommuneokonomi.i18n import N_, t
from kommuneokonomi.queries.liknende import model
from kommuneokonomi.state import Notice, ViewState, first, shown

PARAM = "vekter"
MAX_PARTS = 20  # a longer list is not a set of weights anyone wrote
# The presets by their shown names too (`vekter=økonomi`), as people type them.
PRESET_ALIASES = {"økonomi": "okonomi"}
FEATURE_NAMES = {  # features.FEATURES, as sliders, reasons and headers name them
    "folketall": N_("liknende.f.folketall"),
    "vekst_10ar": N_("liknende.f.vekst_10ar"),
    "vekst_2050": N_("liknende.f.vekst_2050"),
    "andel_0_19": N_("liknende.f.andel_0_19"),
    "andel_67": N_("liknende.f.andel_67"),
    "andel_80": N_("liknende.f.andel_80"),
    "sentralitet": N_("liknende.f.sentralitet"),
    "tetthet": N_("liknende.f.tetthet"),
    "driftsinntekter": N_("liknende.f.driftsinntekter"),
    "utgiftsbehov": N_("liknende.f.utgiftsbehov"),
}
FEATURE_HELP = {  # what each figure is, for the sliders
    "folketall": N_("liknende.help.folketall"),
    "vekst_10ar": N_("liknende.help.vekst_10ar"),
    "vekst_2050": N_("liknende.help.vekst_2050"),
    "andel_0_19": N_("liknende.help.andel_0_19"),
    "andel_67": N_("liknende.help.andel_67"),
    "andel_80": N_("liknende.help.andel_80"),
    "sentralitet": N_("liknende.help.sentralitet"),
    "tetthet": N_("liknende.help.tetthet"),
    "driftsinntekter": N_("liknende.help.driftsinntekter"),
    "utgiftsbehov": N_("liknende.help.utgiftsbehov"),
}
PRESET_NAMES = {  # model.PRESETS, as the picker shows them
    "standard": N_("liknende.preset.standard"),
    "struktur": N_("liknende.preset.struktur"),
    "demografi": N_("liknende.preset.demografi"),
    "okonomi": N_("liknende.preset.okonomi"),
}


@dataclass(frozen=True)
class Vekter:
    """A preset and the weights in use (the preset's, or with some changed)."""

    preset: str
    weights: model.Weights

    @property
    def changes(self) -> dict[str, float]:
        """The weights that differ from the preset's, in feature order."""
        base = dict(model.weights(self.preset))
        return {code: w for code, w in self.weights if w != base[code]}

    def text(self) -> str | None:
        """The URL value: None for the default preset unchanged, else the preset and any
        changed weights ('struktur,folketall:3')."""
        changes = self.changes
        if not changes and self.preset == model.DEFAULT_PRESET:
            return None
        parts = [self.preset, *(f"{code}:{weight_text(w)}" for code, w in changes.items())]
        return ",".join(parts)


def weight_text(weight: float) -> str:
    """A weight as the URL writes it: '3', '0.5', exact (the shortest form that reads back)."""
    return str(int(weight)) if float(weight).is_integer() else repr(float(weight))


def preset_name(preset: str) -> str:
    """A preset as the reader sees it ('Økonomi')."""
    return t(PRESET_NAMES[preset])


def feature_name(code: str) -> str:
    """A feature as the reader sees it ('Vekst siste 10 år')."""
    return t(FEATURE_NAMES[code])


def weight_number(weight: float) -> str:
    """A weight as the reader sees it: '2', '0,5', '1,25'."""
    decimals = 0 if float(weight).is_integer() else len(repr(float(weight)).split(".")[1])
    return number(weight, decimals)


def weights_name(weights: model.Weights) -> str:
    """The preset the weights equal ('Struktur'), or 'egne vekter' when they were changed."""
    preset = model.preset_of(weights)
    return preset_name(preset) if preset else t("liknende.own_weights")


def weights_words(weights: model.Weights) -> str:
    """'Standard: folketall 2, vekst siste 10 år 1, …': every weight above 0, in words."""
    listed = "; ".join(
        t("liknende.weight_item", name=feature_name(code).lower(), weight=weight_number(w))
        for code, w in weights
        if w > 0
    )
    return t("liknende.weights_words", name=weights_name(weights), weights=listed)


def default() -> Vekter:
    """The default preset's weights."""
    return Vekter(model.DEFAULT_PRESET, model.weights())


def _preset(word: str) -> str | None:
    name = PRESET_ALIASES.get(word.lower(), word.lower())
    return name if name in model.PRESETS else None


def _weight(part: str, preset: str) -> tuple[str, float] | None:
    """('folketall', 3.0) for 'folketall:3' if the model accepts it, else None."""
    code, sep, number = part.partition(":")
    code = code.strip().lower()
    try:
        value = float(number.strip()) if sep else math.nan
    except ValueError:
        return None
    try:
        model.weights(preset, {code: value})
    except ValueError:
        return None
    return code, value


def parse(raw: str | list[str] | None) -> tuple[Vekter, list[Notice]]:
    """The weights a link asks for, and notices about what could not be used.

    An unknown preset gives the default preset; a weight that is not 'feature:number' with a
    known feature and a number from 0 to 5 is left out; if the weights left are all zero,
    the preset's own weights are used.
    """
    value = first(raw)
    if not value:
        return default(), []
    parts = [p.strip() for p in value.split(",")[:MAX_PARTS] if p.strip()]
    notices: list[Notice] = []
    preset = model.DEFAULT_PRESET
    if parts and ":" not in parts[0]:
        named = _preset(parts[0])
        if named is None:
            notices.append(Notice(N_("liknende.bad_preset"), {"value": shown(parts[0])}))
        else:
            preset = named
        parts = parts[1:]
    changes: dict[str, float] = {}
    bad = []
    for part in parts:
        weight = _weight(part, preset)
        if weight is None:
            bad.append(part)
        else:
            changes[weight[0]] = weight[1]
    if bad:
        values = {"value": ", ".join(shown(b) for b in bad[:5]), "max": f"{model.MAX_WEIGHT:g}"}
        notices.append(Notice(N_("liknende.bad_weight"), values))
    try:
        weights = model.weights(preset, changes)
    except ValueError:  # every weight zero: nothing to compare on
        notices.append(Notice(N_("liknende.all_zero"), {"preset": preset_name(preset)}))
        weights = model.weights(preset)
    return Vekter(preset, weights), notices


def of_state(state: ViewState) -> Vekter:
    """The weights of a view; a bad value falls back as `parse` does (the page has said so)."""
    return parse(state.vekter)[0]
