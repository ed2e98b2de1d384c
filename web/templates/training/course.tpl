{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/training">{{_ Training _}}</a></p>
<h1{{#TITLE_LANG}} lang="{{LANG}}"{{/TITLE_LANG}}>{{TITLE}}</h1>
{{#SAVED}}<div class="alert alert-success" role="status">{{_ Your changes have been saved. _}}</div>{{/SAVED}}
{{#RECORDED}}<div class="alert alert-success" role="status">{{_ Attendances recorded: _}} {{RECORDED_COUNT}}</div>{{/RECORDED}}
{{#MANAGE}}<p><a class="button button-quiet" href="/training/{{SLUG}}/edit">{{_ Edit the course _}}</a></p>{{/MANAGE}}

<section aria-labelledby="facts-heading" class="panel">
  <h2 id="facts-heading">{{_ The course _}}</h2>
  <dl class="facts">
    <dt>{{_ Training centre _}}</dt><dd><a href="/organizations/{{PROVIDER_SLUG}}"{{#PROVIDER_LANG}} lang="{{LANG}}"{{/PROVIDER_LANG}}>{{PROVIDER}}</a></dd>
    <dt>{{_ What it is _}}</dt><dd>{{FACTS}}</dd>
    {{#AT_EVENT}}<dt>{{_ Given at _}}</dt><dd><a href="/events/{{EVENT_SLUG}}"{{#EVENT_LANG}} lang="{{LANG}}"{{/EVENT_LANG}}>{{EVENT_TITLE}}</a></dd>{{/AT_EVENT}}
    <dt>{{_ Topics _}}</dt><dd>{{#TOPIC}}<span class="tag">{{LABEL}}</span> {{/TOPIC}}</dd>
  </dl>
  {{#DESCRIPTION_SECTION}}<p{{#DESCRIPTION_LANG}} lang="{{LANG}}"{{/DESCRIPTION_LANG}}>{{DESCRIPTION}}</p>{{/DESCRIPTION_SECTION}}
</section>

<section aria-labelledby="accreditations-heading" class="panel">
  <h2 id="accreditations-heading">{{_ Accreditations _}}</h2>
  {{#NO_ACCREDITATIONS}}<p class="unknown">{{_ No accreditation is recorded. _}}</p>{{/NO_ACCREDITATIONS}}
  <ul>
    {{#ACCREDITATION}}<li>{{JURISDICTION}} · {{_ Reference: _}} {{REFERENCE}} · {{_ Approved: _}} {{APPROVED_ON}}</li>{{/ACCREDITATION}}
  </ul>
</section>

{{#MANAGE}}<section aria-labelledby="attendance-heading" class="panel" id="attendance">
  <h2 id="attendance-heading">{{_ Attendance _}}</h2>
  <p class="hint">{{_ Seen only by the training centre's coordinators and administrators; each person sees their own. _}}</p>
  {{#NO_ATTENDANCE}}<p>{{_ No attendance is recorded yet. _}}</p>{{/NO_ATTENDANCE}}
  <table class="table">
    <thead><tr><th scope="col">{{_ Person _}}</th><th scope="col">{{_ Role _}}</th><th scope="col">{{_ Hours _}}</th></tr></thead>
    <tbody>
      {{#ATTENDANCE}}<tr><td><a href="/people/{{PERSON_SLUG}}">{{PERSON_NAME}}</a></td><td>{{ROLE}}</td><td>{{HOURS}}</td></tr>{{/ATTENDANCE}}
    </tbody>
  </table>
  <h3>{{_ Record an attendance _}}</h3>
  {{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
  <form class="form" method="post" action="/training/{{SLUG}}/attendance">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="person">{{_ Person (their address in the directory) _}}</label>
      <input id="person" name="person" required maxlength="100" pattern="[a-z0-9-]+" value="{{TYPED_PERSON}}">
      {{#PERSON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/PERSON_ERROR}}
    </div>
    <div class="field">
      <label for="role">{{_ Role _}}</label>
      <select id="role" name="role">{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPTION}}</select>
      {{#ROLE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ROLE_ERROR}}
    </div>
    <div class="field">
      <label for="hours">{{_ Hours _}}</label>
      <input id="hours" name="hours" required inputmode="decimal" maxlength="10" size="6" value="{{TYPED_HOURS}}">
      {{#HOURS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/HOURS_ERROR}}
    </div>
    <button class="button" type="submit">{{_ Record the attendance _}}</button>
  </form>
  {{#FROM_EVENT}}<form class="form" method="post" action="/training/{{SLUG}}/attendance/from-event">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <p class="hint">{{_ Everyone who took part in the event the course was given at, as an attendee for the course's hours; those recorded already stay as they are. _}}</p>
    <button class="button button-quiet" type="submit">{{_ Record the event's participants _}}</button>
  </form>{{/FROM_EVENT}}
</section>{{/MANAGE}}
