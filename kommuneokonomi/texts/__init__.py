"""UI texts by area; kommuneokonomi.i18n merges them into the one translation table."""
