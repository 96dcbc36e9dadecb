"""Operations: retention, backup and restore (issue 14). The commands are in
plein/site/management/commands; plein.site is the roof, so it may read every app's tables."""
