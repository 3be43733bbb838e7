"""kg: a knowledge graph of the Dutch social domain, read from reports."""
