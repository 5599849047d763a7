"""Views: compose queries, charts and text into exhibits for pages, embeds and exports."""
