from django import template

from vanphong.core.formats import money_vn

register = template.Library()


@register.filter
def money(value) -> str:
    """1234567 → '1.234.567 đ' (invariant 7); empty for no value."""
    if value is None or value == "":
        return ""
    return money_vn(int(value))


@register.filter
def share_percent(per_10000) -> str:
    """Parts per ten thousand as a percentage the Vietnamese way: 30 → '0,3%'."""
    if per_10000 is None:
        return ""
    whole, rest = divmod(int(per_10000), 100)
    return f"{whole},{rest:02d}".rstrip("0").rstrip(",") + "%"
