from django.urls import path

from vanphong.api import api

urlpatterns = [path("", api.urls)]
