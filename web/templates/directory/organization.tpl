{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/organizations">{{_ Organizations _}}</a>{{#PARENT}} › <a href="/organizations/{{SLUG}}"{{#PARENT_LANG}} lang="{{LANG}}"{{/PARENT_LANG}}>{{NAME}}</a>{{/PARENT}}</p>
<h1{{#NAME_LANG}} lang="{{LANG}}"{{/NAME_LANG}}>{{NAME}}</h1>
{{#SAVED}}<div class="alert alert-success" role="status">{{_ Your changes have been saved. _}}</div>{{/SAVED}}
{{#ROLL_ADMIN}}<p class="actions"><a class="button button-quiet" href="/organizations/{{SLUG}}/edit">{{_ Edit this organization _}}</a>
  <a class="button button-quiet" href="/organizations/new?parent={{SLUG}}">{{_ Add an organization below it _}}</a>
  <a class="button button-quiet" href="/people/new?bar={{SLUG}}">{{_ Add a person _}}</a></p>{{/ROLL_ADMIN}}
{{#ALTERNATE}}<p class="muted">{{_ Also called _}} <span{{#ALTERNATE_LANG}} lang="{{LANG}}"{{/ALTERNATE_LANG}}>{{TEXT}}</span></p>{{/ALTERNATE}}
<dl class="facts">
  <dt>{{_ Kind _}}</dt><dd>{{KIND}}</dd>
  {{#HAS_JURISDICTION}}<dt>{{_ Jurisdiction _}}</dt><dd>{{JURISDICTION}}</dd>{{/HAS_JURISDICTION}}
  {{#HAS_CITY}}<dt>{{_ City _}}</dt><dd>{{CITY}}</dd>{{/HAS_CITY}}
  {{#HAS_WEBSITE}}<dt>{{_ Website _}}</dt><dd><a href="{{WEBSITE}}" rel="noopener">{{WEBSITE}}</a></dd>{{/HAS_WEBSITE}}
  <dt>{{_ Active members on the roll _}}</dt><dd>{{MEMBER_COUNT}}{{#ROLL_ADMIN}} · <a href="/organizations/{{SLUG}}/roll">{{_ Import or export the roll _}}</a>{{/ROLL_ADMIN}}</dd>
</dl>

<section aria-labelledby="names-heading" class="panel">
  <h2 id="names-heading">{{_ Names _}}</h2>
  <ul class="plain-list">
    {{#NAME_VARIANT}}<li><span lang="{{LANG}}">{{TEXT}}</span> <span class="muted">(<span lang="{{LANG}}">{{LANGUAGE}}</span>{{#TRANSLATION}}, {{_ our translation _}}{{/TRANSLATION}})</span></li>{{/NAME_VARIANT}}
  </ul>
</section>

<section aria-labelledby="holders-heading" class="panel">
  <h2 id="holders-heading">{{_ Office holders _}}</h2>
  {{#NO_HOLDERS}}<p>{{_ No office holder is recorded. _}}</p>{{/NO_HOLDERS}}
  <ul class="plain-list">
    {{#HOLDER}}<li><strong>{{TITLE}}</strong>: <a href="/people/{{SLUG}}">{{NAME}}</a> <span class="muted">— {{WHEN}}</span></li>{{/HOLDER}}
  </ul>
</section>

{{#HAS_CHILDREN}}<section aria-labelledby="structure-heading" class="panel">
  <h2 id="structure-heading">{{_ Structure _}}</h2>
  <ul class="plain-list">
    {{#CHILD}}<li><a href="/organizations/{{SLUG}}"{{#CHILD_LANG}} lang="{{LANG}}"{{/CHILD_LANG}}>{{NAME}}</a> <span class="muted">— {{KIND}}</span></li>{{/CHILD}}
  </ul>
</section>{{/HAS_CHILDREN}}

{{#RELATED}}<section aria-labelledby="related-{{KEY}}-heading" class="panel">
  <h2 id="related-{{KEY}}-heading">{{HEADING}}</h2>
  {{#NONE}}<p>{{NONE_TEXT}}</p>{{/NONE}}
  {{#HAS_RECORDS}}<ul class="plain-list">
    {{#RECORD}}<li><a href="{{HREF}}"{{#RECORD_LANG}} lang="{{LANG}}"{{/RECORD_LANG}}>{{TITLE}}</a> <span class="muted">— {{LABEL}}{{#HAS_DATE}}, {{DATE}}{{/HAS_DATE}}</span></li>{{/RECORD}}
  </ul>{{/HAS_RECORDS}}
  {{#MORE}}<p><a href="{{ALL_HREF}}">{{_ See them all _}}</a></p>{{/MORE}}
</section>{{/RELATED}}
