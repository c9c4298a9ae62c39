app_name = "organizations_xlsx"
urlpatterns: list = []
