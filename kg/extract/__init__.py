"""Document -> Extraction (placeholder until the extraction pipeline lands)."""
