import datetime

from vanphong.organizations import milestones

D = datetime.date


def test_party_age_counts_from_the_admission_decision():
    """docs/rules/party-age-and-badges.md: admitted 26/07/2015, official 26/07/2016 → counted
    from 26/07/2015."""
    assert milestones.party_age(D(2015, 7, 26), D(2025, 7, 25)) == 9
    assert milestones.party_age(D(2015, 7, 26), D(2025, 7, 26)) == 10


def test_periods_outside_activity_are_not_counted():
    gap = [(D(2018, 1, 1), D(2018, 12, 31))]  # 365 days outside party activity

    assert milestones.party_age(D(2015, 7, 26), D(2025, 7, 26), gap) == 9
    assert milestones.party_age(D(2015, 7, 26), D(2026, 7, 26), gap) == 10
    assert milestones.party_age_start(D(2015, 7, 26), gap) == D(2016, 7, 25)


def test_badges_at_30_40_45_and_every_5_years_to_90():
    badges = milestones.badges(D(1996, 2, 3))

    assert [b.years for b in badges] == [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]
    assert badges[0].reached_on == D(2026, 2, 3)
    assert badges[0].presented_on == D(2026, 2, 3)  # 3/2 is a presentation day


def test_badge_is_presented_on_the_next_of_3_2_19_5_2_9_7_11():
    assert milestones.next_presentation_day(D(2026, 2, 4)) == D(2026, 5, 19)
    assert milestones.next_presentation_day(D(2026, 9, 3)) == D(2026, 11, 7)
    assert milestones.next_presentation_day(D(2026, 11, 8)) == D(2027, 2, 3)


def test_seriously_ill_members_may_receive_early():
    thirty, seventy = milestones.badges(D(1996, 6, 10))[0], milestones.badges(D(1956, 6, 10))[7]

    assert milestones.early_badge_from(thirty) == D(2025, 6, 10)  # 12 months early
    assert seventy.years == 70
    assert milestones.early_badge_from(seventy) == D(2024, 6, 10)  # 24 months early


def test_next_badge_and_leap_day():
    assert milestones.next_badge(D(1986, 3, 1), D(2026, 2, 28)).years == 40
    assert milestones.add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert milestones.add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
