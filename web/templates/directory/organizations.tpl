{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Organizations _}}</h1>
<form class="form form-inline" method="get" action="/organizations">
  <div class="field">
    <label for="jurisdiction">{{_ Jurisdiction _}}</label>
    <select id="jurisdiction" name="jurisdiction">
      <option value="">{{_ All _}}</option>
      {{#JURISDICTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/JURISDICTION_OPTION}}
    </select>
  </div>
  <div class="field">
    <label for="kind">{{_ Kind _}}</label>
    <select id="kind" name="kind">
      <option value="">{{_ All _}}</option>
      {{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}
    </select>
  </div>
  <button class="button" type="submit">{{_ Filter _}}</button>
</form>
{{#NO_ORGANIZATIONS}}<p>{{_ No organization matches. _}}</p>{{/NO_ORGANIZATIONS}}
{{#GROUP}}<section class="group">
  <h2>{{JURISDICTION}}</h2>
  <ul class="cards">
    {{#ORGANIZATION}}<li class="card">
      <a class="card-title" href="/organizations/{{SLUG}}"{{#NAME_LANG}} lang="{{LANG}}"{{/NAME_LANG}}>{{NAME}}</a>
      <p class="card-meta">{{KIND}}{{#HAS_CITY}} · {{CITY}}{{/HAS_CITY}}</p>
    </li>{{/ORGANIZATION}}
  </ul>
</section>{{/GROUP}}
