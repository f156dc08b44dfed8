"""CSV for open data: one row per item, nested fields flattened into columns (docs/api.md)."""

import csv
import io

from rest_framework import serializers
from rest_framework.renderers import BaseRenderer

from .spreadsheets import safe_cell

LIST_SEPARATOR = "; "


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return safe_cell(value)
    return str(value)


def csv_columns(serializer, prefix: str = "") -> list[str]:
    """One column per scalar; a nested object or list of objects contributes `<name>_<field>` columns."""
    columns = []
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.ListSerializer):
            field = field.child
        if isinstance(field, serializers.Serializer):
            columns += csv_columns(field, f"{prefix}{name}_")
        else:
            columns.append(prefix + name)
    return columns


def csv_cells(item: dict, prefix: str = "") -> dict[str, str]:
    """Flatten one item: lists are joined with "; ", and a list of objects is joined field by field."""
    cells = {}
    for name, value in item.items():
        key = prefix + name
        if isinstance(value, dict):
            cells.update(csv_cells(value, f"{key}_"))
        elif isinstance(value, list) and any(isinstance(element, dict) for element in value):
            flattened = [csv_cells(element or {}, f"{key}_") for element in value]
            for column in dict.fromkeys(column for element in flattened for column in element):
                cells[column] = LIST_SEPARATOR.join(element.get(column, "") for element in flattened)
        elif isinstance(value, list):
            cells[key] = LIST_SEPARATOR.join(csv_cell(element) for element in value)
        else:
            cells[key] = csv_cell(value)
    return cells


class CSVRenderer(BaseRenderer):
    """The items of one page (or one item), a header row first; the columns come from the serializer, so an
    empty page still has them."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        view = renderer_context["view"]
        items = data["results"] if "results" in data else [data]
        output = io.StringIO()
        writer = csv.DictWriter(output, fieldnames=csv_columns(view.get_serializer()), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(csv_cells(item) for item in items)
        renderer_context["response"]["Content-Disposition"] = f'attachment; filename="{view.basename}.csv"'
        return output.getvalue().encode(self.charset)
