from django.urls import path

from vanphong.dues import views

app_name = "dues"

urlpatterns = [
    path("", views.home, name="home"),
    path("chi-bo/<int:pk>/<int:year>/<int:month>/", views.month_page, name="month"),
    path("chi-bo/<int:pk>/<int:year>/<int:month>/tinh/", views.compute, name="compute"),
    path("dong/<int:pk>/", views.pay, name="pay"),
    path("chua-dong/", views.flagged_page, name="flagged"),
    path("cua-toi/", views.mine, name="mine"),
    path("tong-hop/", views.rollup_page, name="rollup"),
]
