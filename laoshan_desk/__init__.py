"""Laoshan Desk (崂山政务窗口桌面): the counter desk of the Laoshan district.

Layers, imports pointing one way: ``domain`` ← ``store`` ← ``services`` ← ``ui`` / ``cli``.
``documents`` turns plain data into PDF and Excel files beside ``services``.
"""

__version__ = "0.1.0"
