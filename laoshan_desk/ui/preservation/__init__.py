"""财产保全审查 screens: cases, three-step review, plan, respondent view."""
