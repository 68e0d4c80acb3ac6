"""Entity extraction for bilingual (Chinese + English) mining-industry news.

For notebooks::

    import pipeline
    tables = pipeline.extract(["紫金矿业今年锂产量约2.5万吨。"])   # in memory, dict of typed DataFrames
    pipeline.show(tables, 0)                                       # the document's entities, highlighted
    pipeline.load_table("mentions", "outputs")                     # a table of an output folder
    pipeline.load_view("figures_in_context", "outputs")            # figures with sentence and entities
    pipeline.columns("figures")                                    # the data dictionary (docs/tables.md)
    pipeline.institution_keys()                                    # the institution-keys table
"""

from pipeline.api import columns, extract, institution_keys, load_view, show
from pipeline.io.catalog import load_table

__all__ = ["columns", "extract", "institution_keys", "load_table", "load_view", "show"]
