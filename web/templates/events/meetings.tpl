{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/events/{{SLUG}}"{{#EVENT_TITLE_LANG}} lang="{{LANG}}"{{/EVENT_TITLE_LANG}}>{{EVENT_TITLE}}</a></p>
<h1>{{_ Private meetings _}}</h1>
<p class="muted">{{_ Times are local to the event _}} ({{TIME_ZONE}}).</p>
{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
{{#HAS_OUTCOME}}<div class="alert alert-success" role="status">{{OUTCOME}}</div>{{/HAS_OUTCOME}}
<h2 id="grid-heading">{{_ Schedule _}}</h2>
<table class="table meeting-grid" aria-labelledby="grid-heading">
  <thead><tr><th scope="col">{{_ Slot _}}</th>{{#ROOM}}<th scope="col">{{NAME}}</th>{{/ROOM}}</tr></thead>
  <tbody>
    {{#SLOT}}<tr><th scope="row">{{DAY}} {{TIME}}</th>{{#CELL}}<td>{{#BOOKED}}{{WHO}} — {{WITH}}{{#PINNED}} <span class="muted">({{_ pinned _}})</span>{{/PINNED}}{{/BOOKED}}</td>{{/CELL}}</tr>{{/SLOT}}
  </tbody>
</table>
<form class="form-inline" method="post" action="/events/{{SLUG}}/meetings/schedule">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <button class="button" type="submit">{{_ Run the scheduler _}}</button>
</form>
<h2 id="requests-heading">{{_ Requests _}}</h2>
{{#NO_REQUESTS}}<p>{{_ No meeting requested yet. _}}</p>{{/NO_REQUESTS}}
<table class="table requests" aria-labelledby="requests-heading">
  <thead><tr><th scope="col">{{_ Who _}}</th><th scope="col">{{_ With _}}</th><th scope="col">{{_ Priority _}}</th><th scope="col">{{_ Status _}}</th><th scope="col">{{_ Place by hand _}}</th></tr></thead>
  <tbody>
    {{#REQUEST}}<tr><td>{{WHO}}</td><td>{{WITH}}</td><td>{{PRIORITY}}</td>
      <td>{{#PLACED}}{{_ Scheduled _}}{{#PINNED}} ({{_ pinned _}}){{/PINNED}}{{/PLACED}}{{#UNMET}}<span class="unmet">{{_ Not met _}}: {{REASON}}</span>{{/UNMET}}{{#NOT_SCHEDULED}}{{_ Not scheduled yet _}}{{/NOT_SCHEDULED}}</td>
      <td><form class="form-inline" method="post" action="/events/{{SLUG}}/meetings/{{ID}}/pin">
        <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
        <label class="visually-hidden" for="slot_{{ID}}">{{_ Slot _}}</label>
        <select id="slot_{{ID}}" name="slot">{{#SLOT_OPTION}}<option value="{{ID}}">{{LABEL}}</option>{{/SLOT_OPTION}}</select>
        <label class="visually-hidden" for="room_{{ID}}">{{_ Table _}}</label>
        <select id="room_{{ID}}" name="room">{{#ROOM_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ROOM_OPTION}}</select>
        <button class="button button-secondary" type="submit">{{_ Pin _}}</button>
        {{#PINNED}}<button class="button button-secondary" name="unpin" value="1">{{_ Unpin _}}</button>{{/PINNED}}
      </form></td></tr>{{/REQUEST}}
  </tbody>
</table>
<h2 id="request-form-heading">{{_ Ask for a meeting _}}</h2>
<form class="form" method="post" action="/events/{{SLUG}}/meetings/requests" aria-labelledby="request-form-heading">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="request_delegation">{{_ Delegation _}}</label>
    <select id="request_delegation" name="delegation"><option value=""></option>{{#DELEGATION_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/DELEGATION_OPTION}}</select>
    {{#DELEGATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DELEGATION_ERROR}}</div>
  <div class="field"><label for="request_host_person">{{_ Person to meet (directory address) _}}</label><input id="request_host_person" name="host_person">
    {{#HOST_PERSON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/HOST_PERSON_ERROR}}</div>
  <div class="field"><label for="request_host_organization">{{_ Or an organization present (directory address) _}}</label><input id="request_host_organization" name="host_organization">
    {{#HOST_ORGANIZATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/HOST_ORGANIZATION_ERROR}}</div>
  <div class="field"><label for="request_priority">{{_ Priority (1–5) _}}</label><input id="request_priority" name="priority" inputmode="numeric" value="3">
    {{#PRIORITY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/PRIORITY_ERROR}}</div>
  <button class="button" type="submit">{{_ Ask _}}</button>
</form>
<h2 id="slot-form-heading">{{_ Meeting slots and tables _}}</h2>
<form class="form form-inline" method="post" action="/events/{{SLUG}}/meetings/slots" aria-labelledby="slot-form-heading">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="slot_starts">{{_ Starts (local time, YYYY-MM-DDTHH:MM) _}}</label><input id="slot_starts" name="starts">
    {{#STARTS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/STARTS_ERROR}}</div>
  <div class="field"><label for="slot_ends">{{_ Ends (local time) _}}</label><input id="slot_ends" name="ends">
    {{#ENDS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ENDS_ERROR}}</div>
  <button class="button" type="submit">{{_ Add the slot _}}</button>
</form>
<form class="form form-inline" method="post" action="/events/{{SLUG}}/meetings/rooms">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="room_name">{{_ Room or table _}}</label><input id="room_name" name="name">
    {{#NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NAME_ERROR}}</div>
  <button class="button" type="submit">{{_ Add the room _}}</button>
</form>
<h2 id="availability-form-heading">{{_ Availability _}}</h2>
<p class="muted">{{_ A side without availability recorded is available in every slot. _}}</p>
<form class="form" method="post" action="/events/{{SLUG}}/meetings/availability" aria-labelledby="availability-form-heading">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="availability_party">{{_ Side (delegation:ID, person:address or organization:address) _}}</label><input id="availability_party" name="party">
    {{#PARTY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/PARTY_ERROR}}</div>
  <fieldset><legend>{{_ Available in _}}</legend>
    {{#SLOT_OPTION}}<div class="field checkbox"><input id="available_{{ID}}" type="checkbox" name="slot_{{ID}}" value="1"><label for="available_{{ID}}">{{LABEL}}</label></div>{{/SLOT_OPTION}}
  </fieldset>
  <button class="button" type="submit">{{_ Save the availability _}}</button>
</form>
