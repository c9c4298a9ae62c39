from django.urls import path

from vanphong.meetings import views, views_drafts, views_feeds, views_month, views_more, views_study

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("moi/", views.plan, name="plan"),
    path("cua-toi/", views_more.mine, name="mine"),
    path("thang/", views_month.month_page, name="month"),
    path("thang/ke-hoach/", views_month.month_plan, name="month_plan"),
    path("thang/lap/", views_month.month_make, name="month_make"),
    path("tuan-thu/", views_more.compliance_page, name="compliance"),
    path("tuan-thu/xlsx/", views_more.compliance_xlsx, name="compliance_xlsx"),
    path("tham-luan/<int:pk>/", views_more.presentation_page, name="presentation"),
    path("vang-mat/", views_more.absences_page, name="absences"),
    path("hoc-tap/", views_study.study_page, name="study"),
    path("du-thao/", views_drafts.draft_list, name="drafts"),
    path("du-thao/moi/", views_drafts.draft_new, name="draft_new"),
    path("du-thao/<int:pk>/", views_drafts.draft_detail, name="draft"),
    path(
        "du-thao/<int:pk>/tong-hop/docx/", views_drafts.synthesis_docx_view, name="draft_synthesis"
    ),
    path("du-thao/<int:pk>/buoc/<slug:name>/", views_drafts.draft_step, name="draft_step"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/buoc/<slug:name>/", views.step, name="step"),
    path("<int:pk>/bieu-quyet/<int:motion_pk>/", views.ballot, name="ballot"),
    path("<int:pk>/bien-ban/", views_more.minutes_page, name="minutes"),
    path("<int:pk>/bien-ban/docx/", views_more.minutes_docx_view, name="minutes_docx"),
    path("<int:pk>/bien-ban/pdf/", views_more.minutes_pdf_view, name="minutes_pdf"),
    path("<int:pk>/bien-ban/<slug:name>/", views_more.minutes_step, name="minutes_step"),
    path("lich/<str:token>.ics", views_feeds.calendar_feed, name="calendar_feed"),
    path("cua-toi/lich.ics", views_feeds.my_calendar, name="my_calendar"),
    path("cua-toi/lich/tao/", views_feeds.calendar_make, name="calendar_make"),
    path("cua-toi/lich/thu-hoi/", views_feeds.calendar_revoke, name="calendar_revoke"),
    path("diem-danh/", views_feeds.attendance_period, name="attendance_period"),
    path("<int:pk>/diem-danh/xlsx/", views_feeds.attendance_xlsx, name="attendance_xlsx"),
    path("<int:pk>/giay-moi/docx/", views_feeds.invitation, name="invitation"),
]
