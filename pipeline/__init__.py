"""Entity extraction for bilingual (Chinese + English) mining-industry news.

For notebooks: ``pipeline.load_table("mentions", "outputs")`` returns the current
rows of a table as a typed pandas DataFrame (one row set per document, from the
run that last processed it; plain Parquet readers of ``outputs/mentions`` agree).
"""

from pipeline.io.catalog import load_table

__all__ = ["load_table"]
