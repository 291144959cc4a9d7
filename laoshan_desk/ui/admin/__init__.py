"""管理 screens: users, organisation, calendar, audit log, settings, backup."""
