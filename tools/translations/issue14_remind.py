"""Dutch for the reminder e-mails sent exactly once (issue 14, plein.themegroups
ReminderDelivery: one row per meeting, start time and address), at B1 level."""

NL = {
    "reminder e-mail": "herinneringsmail",
    "reminder e-mails": "herinneringsmails",
}
