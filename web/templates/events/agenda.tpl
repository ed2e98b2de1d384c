{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/events/{{SLUG}}"{{#EVENT_TITLE_LANG}} lang="{{LANG}}"{{/EVENT_TITLE_LANG}}>{{EVENT_TITLE}}</a></p>
<h1>{{HEADING}}</h1>
{{#REQUESTED}}<div class="alert alert-success" role="status">{{_ Your request is recorded; the organizers will schedule it. _}}</div>{{/REQUESTED}}
<form class="form form-inline" method="get" action="{{FORM_ACTION}}">
  <div class="field">
    <label for="tz">{{_ Also show times in _}}</label>
    <select id="tz" name="tz">
      {{#ZONE_OPTION}}<option value="{{ZONE}}"{{#SELECTED}} selected{{/SELECTED}}>{{ZONE}}</option>{{/ZONE_OPTION}}
    </select>
  </div>
  <button class="button" type="submit">{{_ Show _}}</button>
</form>
<p class="muted">{{_ Times are local to the event _}} ({{TIME_ZONE}}){{#HAS_VIEWER_ZONE}}; {{_ your time is shown beside them _}} ({{VIEWER_ZONE}}){{/HAS_VIEWER_ZONE}}.</p>
{{#DELEGATION}}<p><a class="button" href="/events/{{SLUG}}/delegations/{{DELEGATION_ID}}/agenda.ics">{{_ Add to your calendar (.ics) _}}</a>
   <a class="button button-secondary" href="/events/{{SLUG}}/delegations/{{DELEGATION_ID}}/agenda.pdf{{TZ_QUERY}}">{{_ PDF _}}</a></p>{{/DELEGATION}}
{{#PERSONAL}}<p><a class="button button-secondary" href="/events/{{SLUG}}/agenda.pdf{{TZ_QUERY}}">{{_ PDF _}}</a>
   <a href="/events/feed">{{_ Your calendar feed _}}</a></p>{{/PERSONAL}}
{{#NO_ITEMS}}<p>{{_ No meeting scheduled yet. _}}</p>{{/NO_ITEMS}}
<table class="table agenda">
  <thead><tr><th scope="col">{{_ Day _}}</th><th scope="col">{{_ Time _}}</th><th scope="col">{{_ What _}}</th><th scope="col">{{_ Room _}}</th></tr></thead>
  <tbody>
    {{#ITEM}}<tr><td>{{DAY}}</td><td>{{TIME}}{{#HAS_OTHER_TIME}}<br><span class="muted other-time">{{OTHER_TIME}}</span>{{/HAS_OTHER_TIME}}</td><td>{{WHAT}}</td><td>{{ROOM}}</td></tr>{{/ITEM}}
  </tbody>
</table>
{{#DELEGATION}}
<h2 id="request-form-heading">{{_ Ask for a meeting _}}</h2>
<form class="form" method="post" action="/events/{{SLUG}}/meetings/requests" aria-labelledby="request-form-heading">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <input type="hidden" name="delegation" value="{{DELEGATION_ID}}">
  <input type="hidden" name="from" value="agenda">
  <div class="field"><label for="request_host_person">{{_ Person to meet (directory address) _}}</label><input id="request_host_person" name="host_person"></div>
  <div class="field"><label for="request_host_organization">{{_ Or an organization present (directory address) _}}</label><input id="request_host_organization" name="host_organization"></div>
  <div class="field"><label for="request_priority">{{_ Priority (1–5) _}}</label><input id="request_priority" name="priority" inputmode="numeric" value="3"></div>
  <button class="button" type="submit">{{_ Ask _}}</button>
</form>
{{/DELEGATION}}
