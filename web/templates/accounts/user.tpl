{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/admin/users">{{_ Users _}}</a></p>
<h1>{{DISPLAY_NAME}}</h1>
<p>{{_ Email: _}} {{EMAIL}}</p>
{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}

<section aria-labelledby="grants-heading" class="panel">
  <h2 id="grants-heading">{{_ Roles _}}</h2>
  {{#NO_GRANTS}}<p>{{_ This user holds no role. _}}</p>{{/NO_GRANTS}}
  <table class="table">
    <caption class="visually-hidden">{{_ Roles _}}</caption>
    <thead><tr><th scope="col">{{_ Role _}}</th><th scope="col">{{_ Organization _}}</th><th scope="col">{{_ Granted _}}</th><th scope="col"><span class="visually-hidden">{{_ Actions _}}</span></th></tr></thead>
    <tbody>
    {{#GRANT}}<tr>
      <td>{{ROLE}}</td><td>{{ORGANIZATION}}</td><td>{{GRANTED_AT}}</td>
      <td><form method="post" action="/admin/roles/{{GRANT_ID}}/revoke">
        <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
        <input type="hidden" name="user_id" value="{{ID}}">
        <button class="button button-quiet" type="submit">{{_ Revoke _}}</button>
      </form></td>
    </tr>{{/GRANT}}
    </tbody>
  </table>
</section>

<section aria-labelledby="person-heading" class="panel">
  <h2 id="person-heading">{{_ Directory person _}}</h2>
  {{#NO_PERSON}}<p>{{_ This account is linked to no person of the directory. _}}</p>{{/NO_PERSON}}
  {{#LINKED_PERSON}}<p>{{_ Linked to: _}} <a href="/people/{{PERSON_SLUG}}">{{PERSON_SLUG}}</a></p>{{/LINKED_PERSON}}
  <p class="hint">{{_ The person's bar administrators link an account to them; nobody links their own. _}}</p>
  <form class="form form-inline" method="post" action="/admin/users/{{ID}}/person">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="person">{{_ Person's address in the directory _}}</label>
      <input id="person" name="person" type="text" value="{{PERSON_SLUG}}" aria-describedby="person-hint">
      <p class="hint" id="person-hint">{{_ For example daniyar-kanafin; leave empty to remove the link. _}}</p>
      {{#PERSON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/PERSON_ERROR}}
    </div>
    <button class="button" type="submit">{{_ Save the link _}}</button>
  </form>
</section>

<section aria-labelledby="grant-heading" class="panel">
  <h2 id="grant-heading">{{_ Grant a role _}}</h2>
  <form class="form form-inline" method="post" action="/admin/users/{{ID}}/roles">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="role">{{_ Role _}}</label>
      <select id="role" name="role">
        {{#ROLE_OPTION}}<option value="{{KEY}}">{{LABEL}}</option>{{/ROLE_OPTION}}
      </select>
      {{#ROLE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ROLE_ERROR}}
    </div>
    <div class="field">
      <label for="organization_id">{{_ Organization _}}</label>
      <select id="organization_id" name="organization_id">
        {{#ORGANIZATION_OPTION}}<option value="{{ID}}">{{NAME}}</option>{{/ORGANIZATION_OPTION}}
        {{#PLATFORM_OPTION}}<option value="platform">{{_ the whole platform _}}</option>{{/PLATFORM_OPTION}}
      </select>
      {{#ORGANIZATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ORGANIZATION_ERROR}}
    </div>
    <button class="button" type="submit">{{_ Grant _}}</button>
  </form>
</section>
