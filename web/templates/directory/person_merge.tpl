{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/people/{{KEEP_SLUG}}">{{#KEEP}}{{NAME}}{{/KEEP}}</a></p>
<h1>{{_ Merge duplicate records _}}</h1>
<p>{{_ When two records describe the same person, merge the duplicate into this one: its names become variants of this record's, and its roll memberships, positions, languages, practice areas and contact details move here. The duplicate's address then leads here. _}}</p>
{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}

<section aria-labelledby="keep-heading" class="panel">
  <h2 id="keep-heading">{{_ The record kept _}}</h2>
  {{#KEEP}}<dl class="facts">
    <dt>{{_ Name _}}</dt><dd>{{NAME}}</dd>
    <dt>{{_ Names _}}</dt><dd>{{NAMES}}</dd>
    <dt>{{_ Rolls _}}</dt><dd>{{ROLLS}}</dd>
    <dt>{{_ City _}}</dt><dd>{{CITY}}</dd>
    <dt>{{_ Positions _}}</dt><dd>{{POSITION_COUNT}}</dd>
  </dl>{{/KEEP}}
</section>

{{#CONFIRM}}<section aria-labelledby="confirm-heading" class="panel">
  <h2 id="confirm-heading">{{_ The duplicate, merged into the record above _}}</h2>
  <dl class="facts">
    <dt>{{_ Name _}}</dt><dd><a href="/people/{{SLUG}}">{{NAME}}</a></dd>
    <dt>{{_ Names _}}</dt><dd>{{NAMES}}</dd>
    <dt>{{_ Rolls _}}</dt><dd>{{ROLLS}}</dd>
    <dt>{{_ City _}}</dt><dd>{{CITY}}</dd>
    <dt>{{_ Positions _}}</dt><dd>{{POSITION_COUNT}}</dd>
  </dl>
  <form class="form" method="post" action="/people/{{KEEP_SLUG}}/merge">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="duplicate" value="{{SLUG}}">
    <p><button class="button" type="submit">{{_ Merge the two records _}}</button></p>
  </form>
</section>{{/CONFIRM}}

<section aria-labelledby="choose-heading" class="panel">
  <h2 id="choose-heading">{{_ Choose the duplicate _}}</h2>
  <ul class="results">
    {{#CANDIDATE}}<li class="result"><a class="result-name" href="/people/{{KEEP_SLUG}}/merge?duplicate={{SLUG}}">{{NAME}}</a>
      <span class="other-name">{{OTHER_NAMES}}</span> <span class="muted">{{BARS}}</span></li>{{/CANDIDATE}}
  </ul>
  <form class="form form-inline" method="get" action="/people/{{KEEP_SLUG}}/merge">
    <div class="field">
      <label for="duplicate">{{_ Address of the duplicate record _}}</label>
      <input id="duplicate" name="duplicate" maxlength="100" value="{{DUPLICATE}}" aria-describedby="duplicate-hint">
      <p class="hint" id="duplicate-hint">{{_ The last part of its address, such as daniyar-kanafin-2. _}}</p>
      {{#DUPLICATE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DUPLICATE_ERROR}}
    </div>
    <button class="button button-quiet" type="submit">{{_ Compare _}}</button>
  </form>
</section>
