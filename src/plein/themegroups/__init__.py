"""Theme groups: programme years, groups, sign-up and waiting list, meetings, minutes, calendar,
reminders and the retrospective (services/ and views/ per sub-domain). A feature."""
