"""National-scale party data for benchmarks and demos (`manage.py generate_national_data`).

Rows are built in memory and loaded in batches (bulk_create; COPY for members on PostgreSQL), with
the tree paths computed here, because going through the services row by row would take days at
5.6 million members. The generated data is synthetic: names and places are realistic, people are not.
"""
