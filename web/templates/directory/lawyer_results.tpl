{{%AUTOESCAPE context="HTML"}}
{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
{{#SUMMARY}}<p class="result-count">{{TEXT}}</p>{{/SUMMARY}}
<ol class="results">
  {{#HIT}}<li class="result">
    <a class="result-name" href="/people/{{SLUG}}">{{NAME}}</a>{{#OTHER_NAME}} <span class="other-name" lang="{{LANG}}">{{TEXT}}</span>{{/OTHER_NAME}}
    <p class="card-meta">{{BARS}}{{#HAS_CITY}} · {{CITY}}{{/HAS_CITY}}</p>
  </li>{{/HIT}}
</ol>
<nav class="pagination" aria-label="{{_ Pages _}}">
  {{#FIRST}}<a href="{{FIRST_HREF}}">{{_ First page _}}</a>{{/FIRST}}
  {{#PREVIOUS}}<a href="{{PREVIOUS_HREF}}" rel="prev">{{_ Previous page _}}</a>{{/PREVIOUS}}
  {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">{{_ Next page _}}</a>{{/NEXT}}
</nav>
