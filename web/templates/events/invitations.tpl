{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/events">{{_ Events _}}</a></p>
<h1>{{_ Invitations _}}</h1>
<p class="lead">{{_ Invitations addressed to the organizations you coordinate. _}}</p>
{{#ANSWERED}}<div class="alert alert-success" role="status">{{NOTICE}}</div>{{/ANSWERED}}
{{#NO_INVITATIONS}}<p>{{_ No invitation. _}}</p>{{/NO_INVITATIONS}}
<ul class="cards invitations">
  {{#INVITATION}}<li class="card invitation">
    <h2 class="card-title"><a href="/events/{{EVENT_SLUG}}"{{#EVENT_TITLE_LANG}} lang="{{LANG}}"{{/EVENT_TITLE_LANG}}>{{EVENT_TITLE}}</a></h2>
    <p class="card-meta">{{DATES}} · <span{{#CITY_LANG}} lang="{{LANG}}"{{/CITY_LANG}}>{{CITY}}</span></p>
    <dl class="facts">
      <dt>{{_ From _}}</dt><dd>{{FROM}}</dd>
      <dt>{{_ To _}}</dt><dd>{{TO}}</dd>
      {{#HAS_COUNT}}<dt>{{_ Number of people invited _}}</dt><dd>{{COUNT}}</dd>{{/HAS_COUNT}}
      <dt>{{_ Status _}}</dt><dd class="invitation-status">{{STATUS}}</dd>
    </dl>
    <p><a class="button button-secondary" href="/events/invitations/{{ID}}/letter.pdf" hreflang="{{LETTER_LANGUAGE_CODE}}">{{_ Download the letter (PDF) _}} — {{LETTER_LANGUAGE}}</a></p>
    {{#HAS_DELEGATION}}<p><a href="/events/{{EVENT_SLUG}}/delegations/{{DELEGATION_ID}}/agenda">{{_ Your delegation's agenda _}}</a></p>{{/HAS_DELEGATION}}
    {{#PENDING}}<form class="form" method="post" action="/events/invitations/{{ID}}/answer">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <div class="field"><label for="delegation_size_{{ID}}">{{_ Size of your delegation _}}</label>
        <input id="delegation_size_{{ID}}" name="delegation_size" inputmode="numeric" value="{{SIZE_VALUE}}"></div>
      <button class="button" name="answer" value="accept">{{_ Accept _}}</button>
      <button class="button button-secondary" name="answer" value="decline">{{_ Decline _}}</button>
    </form>{{/PENDING}}
  </li>{{/INVITATION}}
</ul>
