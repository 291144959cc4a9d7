"""The user's guide inside the desk: a viewer of the Markdown pages under resources/guide/."""

from laoshan_desk.ui.help.viewer import GuideViewer, guide_dir, page_path, show_guide, table_of_contents

__all__ = ["GuideViewer", "guide_dir", "page_path", "show_guide", "table_of_contents"]
