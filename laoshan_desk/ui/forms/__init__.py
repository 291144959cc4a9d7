"""Generated from forms/*.ui by laoshan_desk/ui/forms_build.py. Do not edit."""
