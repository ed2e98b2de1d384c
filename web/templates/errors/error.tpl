{{%AUTOESCAPE context="HTML"}}
<section class="error-page">
  <p class="error-status">{{STATUS}}</p>
  <h1>{{TITLE}}</h1>
  <p>{{MESSAGE}}</p>
  {{#FIELD_ERROR}}<ul class="field-errors">
    <li><strong>{{FIELD}}</strong>: {{MESSAGE}}</li>
  </ul>{{/FIELD_ERROR}}
  <p class="request-id">{{_ Request number: _}} <code>{{REQUEST_ID}}</code></p>
  <p><a href="/">{{_ Back to the home page _}}</a></p>
</section>
