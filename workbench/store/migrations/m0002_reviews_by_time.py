"""Schema version 2: reviews listed by time (the export) use an index."""

SQLITE = POSTGRES = """
CREATE INDEX IF NOT EXISTS reviews_updated ON reviews(updated_at);
"""
