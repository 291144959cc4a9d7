"""Qt widgets, item models and dialogs. Calls services only; never imports ``store``."""
