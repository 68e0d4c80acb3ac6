"""Entity extraction for bilingual (Chinese + English) mining-industry news.

For notebooks: ``pipeline.load_table("mentions", "outputs")`` returns a typed
pandas DataFrame of every committed run in an output folder.
"""

from pipeline.io.catalog import load_table

__all__ = ["load_table"]
