"""Files for people: PDFs (reportlab) and workbooks (openpyxl) from plain data.

Knows nothing of the database or of Qt; layouts and texts come from ``reports/``.
"""
