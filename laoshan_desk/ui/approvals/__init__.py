"""审批点菜单 screens: catalog, menus, projects, wall chart, dispatch, bulletin."""
