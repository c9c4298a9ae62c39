from django.urls import path, re_path

from vanphong.api import api
from vanphong.core.api import json_not_allowed, not_found_view

endpoints, ninja_app, ninja_namespace = api.urls
for endpoint in endpoints:
    endpoint.callback = json_not_allowed(endpoint.callback)

# Any other address under the API answers 404 in the API's error shape, not as an HTML page.
urlpatterns = [path("", (endpoints, ninja_app, ninja_namespace)), re_path(r"", not_found_view)]
