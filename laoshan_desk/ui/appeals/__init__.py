"""崂先办诉求 screens: the queue, an appeal, the dashboard, hot spots."""
