"""Kommuneprofil (start page): where the chosen municipality stands, in numbers and words."""

from kommuneokonomi.charts import theme
from kommuneokonomi.datasets import LANDET
from kommuneokonomi.queries.kommuner import index
from kommuneokonomi.ui import exhibit, page
from kommuneokonomi.views import befolkning

ctx = page.header("nav.profil")
county, _ = index().county(ctx.kommune)
exhibit.show(befolkning.population(LANDET, ctx.lang, theme.LANDET))
regions = [(ctx.kommune, theme.KOMMUNE), (county, theme.FYLKE), (LANDET, theme.LANDET)]
if ctx.kommune == "0301":  # NOTE: Oslo is both municipality and county
    regions = [regions[0], regions[2]]
exhibit.show(befolkning.support_ratio(regions, ctx.lang))
