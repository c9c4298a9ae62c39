from vanphong.core.models import User


def test_full_name_in_vietnamese_order():
    """last_name holds the family and middle names (họ), first_name the given name (tên)."""
    user = User(username="x", first_name="Nga", last_name="Hoàng Thị")
    assert user.get_full_name() == "Hoàng Thị Nga" == str(user)
    assert str(User(username="chi_ten", first_name="Nga")) == "Nga"
    assert str(User(username="khong_ten")) == "khong_ten"
