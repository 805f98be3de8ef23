"""Activities to and from spreadsheets (CSV, Excel), JSON and calendars (iCalendar)."""
