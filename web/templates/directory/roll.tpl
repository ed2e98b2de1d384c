{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/organizations/{{SLUG}}">{{NAME}}</a></p>
<h1>{{_ The roll _}}</h1>
<p>{{_ Active members on the roll: _}} {{MEMBER_COUNT}}</p>

<section aria-labelledby="export-heading" class="panel">
  <h2 id="export-heading">{{_ Export _}}</h2>
  <p><a class="button button-quiet" href="/organizations/{{SLUG}}/roll.csv" download>{{_ Download the roll as CSV _}}</a></p>
</section>

<section aria-labelledby="import-heading" class="panel">
  <h2 id="import-heading">{{_ Import _}}</h2>
  <p>{{_ A CSV file in UTF-8 with a header row: roll_number and name are required; other_names, gender, city, languages, practice_areas, admitted_on, status and status_since are optional. Rows are matched by roll number. If any line has a problem, nothing is imported. _}}</p>
  {{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
  {{#REPORT}}<div class="alert {{#OK}}alert-success{{/OK}}{{#BAD}}alert-error{{/BAD}}" role="status">
    <p>{{SUMMARY}}</p>
    {{#IGNORED}}<p>{{_ Ignored columns: _}} {{COLUMNS}}</p>{{/IGNORED}}
  </div>{{/REPORT}}
  {{#HAS_PROBLEMS}}<table class="table">
    <caption>{{_ Problems found: nothing was imported _}}</caption>
    <thead><tr><th scope="col">{{_ Line _}}</th><th scope="col">{{_ Column _}}</th><th scope="col">{{_ Problem _}}</th></tr></thead>
    <tbody>
    {{#PROBLEM}}<tr><td>{{LINE}}</td><td>{{COLUMN}}</td><td>{{MESSAGE}}</td></tr>{{/PROBLEM}}
    </tbody>
  </table>{{/HAS_PROBLEMS}}
  <form class="form" method="post" action="/organizations/{{SLUG}}/roll" enctype="multipart/form-data">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="file">{{_ CSV file _}}</label>
      <input id="file" name="file" type="file" accept=".csv,text/csv" required>
    </div>
    <div class="field field-check">
      <input id="dry_run" name="dry_run" type="checkbox" value="1" checked>
      <label for="dry_run">{{_ Check only (dry run): nothing is written _}}</label>
    </div>
    <button class="button" type="submit">{{_ Upload _}}</button>
  </form>
</section>
