"""Schema version 3: a numeric claim says which way a change goes ("up" / "down")."""

SQLITE = POSTGRES = """
ALTER TABLE claims ADD COLUMN direction TEXT;
"""
