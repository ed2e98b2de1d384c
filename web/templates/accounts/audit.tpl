{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Audit log _}}</h1>
<nav class="subnav" aria-label="{{_ Administration _}}">
  <a href="/admin/users">{{_ Users _}}</a>
  <a href="/admin/audit" aria-current="page">{{_ Audit log _}}</a>
</nav>
{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
<form class="form form-inline" method="get" action="/admin/audit">
  <div class="field"><label for="action">{{_ Action _}}</label><input id="action" name="action" value="{{FILTER_ACTION}}" placeholder="role."></div>
  <div class="field"><label for="entity_type">{{_ Record type _}}</label><input id="entity_type" name="entity_type" value="{{FILTER_ENTITY_TYPE}}"></div>
  <div class="field"><label for="user_id">{{_ User number _}}</label><input id="user_id" name="user_id" inputmode="numeric" value="{{FILTER_USER_ID}}">{{#USER_ID_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/USER_ID_ERROR}}</div>
  <div class="field"><label for="from">{{_ From _}}</label><input id="from" name="from" type="date" value="{{FILTER_FROM}}">{{#FROM_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/FROM_ERROR}}</div>
  <div class="field"><label for="to">{{_ Until _}}</label><input id="to" name="to" type="date" value="{{FILTER_TO}}">{{#TO_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TO_ERROR}}</div>
  <button class="button" type="submit">{{_ Filter _}}</button>
</form>
<p>{{_ Entries found: _}} {{TOTAL}}</p>
{{#NO_ENTRIES}}<p>{{_ No entry matches. _}}</p>{{/NO_ENTRIES}}
<table class="table">
  <caption class="visually-hidden">{{_ Audit log _}}</caption>
  <thead><tr><th scope="col">{{_ When (UTC) _}}</th><th scope="col">{{_ User number _}}</th><th scope="col">{{_ Action _}}</th><th scope="col">{{_ Record _}}</th><th scope="col">{{_ Details _}}</th><th scope="col">{{_ Request number _}}</th></tr></thead>
  <tbody>
  {{#ENTRY}}<tr><td>{{AT}}</td><td>{{USER}}</td><td>{{ACTION}}</td><td>{{ENTITY}}</td><td><code>{{DETAILS}}</code></td><td><code>{{REQUEST_ID}}</code></td></tr>{{/ENTRY}}
  </tbody>
</table>
<nav class="pagination" aria-label="{{_ Pages _}}">
  {{#PREVIOUS}}<a href="{{PREVIOUS_HREF}}" rel="prev">{{_ Previous page _}}</a>{{/PREVIOUS}}
  {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">{{_ Next page _}}</a>{{/NEXT}}
</nav>
