"""Pure rules of the counter: calendar, clocks, schedules, plans, identifiers. No Qt, no database."""
