"""List queries the views page through (filtering and sorting in SQL)."""
