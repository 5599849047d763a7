"""The chart layer: plotly figures in the house style, built from query results."""
