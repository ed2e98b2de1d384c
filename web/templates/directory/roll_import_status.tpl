{{%AUTOESCAPE context="HTML"}}
<div id="import-status" class="panel"{{#RUNNING}} hx-get="{{STATUS_HREF}}" hx-trigger="every 500ms" hx-swap="outerHTML"{{/RUNNING}}>
  <p><label for="import-progress">{{_ Rows written _}}</label></p>
  <p><progress id="import-progress" class="progress" max="{{TOTAL}}" value="{{DONE}}">{{PERCENT}} %</progress>
    <span class="muted">{{PROGRESS_TEXT}}</span></p>
  {{#RUNNING}}<p role="status">{{_ The import is running. This page follows it; you may also leave it: the import goes on. _}}</p>
  <noscript><p><a href="">{{_ Reload the page to see the progress. _}}</a></p></noscript>{{/RUNNING}}
  {{#FINISHED_OK}}<div class="alert alert-success" role="status"><p>{{SUMMARY}}</p></div>
  <p><a href="/organizations/{{SLUG}}/roll">{{_ Back to the roll _}}</a> · <a href="/lawyers?bar={{SLUG}}">{{_ Find the members _}}</a></p>{{/FINISHED_OK}}
  {{#FAILED}}{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
  <p>{{_ Nothing was written. _}} <a href="/organizations/{{SLUG}}/roll">{{_ Back to the roll _}}</a></p>{{/FAILED}}
</div>
