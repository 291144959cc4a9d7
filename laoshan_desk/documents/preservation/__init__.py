"""The preservation area's documents: the court papers (:mod:`.papers`, PDF through reportlab) and
the workbooks (:mod:`.workbook`: the case list written, the asset inquiry read, through openpyxl).

Plain data in (the dataclasses each module defines), bytes or a file out; no database, no Qt.
Import the module you need: this package imports neither, so that reading a workbook does not
load reportlab and printing does not load openpyxl.
"""
