"""Cells for CSV files that people open in a spreadsheet.

A text cell that starts with = + - @, a tab or a carriage return is read by Excel, LibreOffice and Google
Sheets as a formula, which can run commands or send the sheet's data away. Any export holding text that the
public typed quotes such cells with a leading apostrophe, as OWASP advises:
https://owasp.org/www-community/attacks/CSV_Injection
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value as a spreadsheet will show it, never run it. Numbers and other non-text pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value
