/** Hall or remote, as two radio buttons in a fieldset. */
export function ModeChoice(props: {
  name: string;
  mode: 'hall' | 'remote';
  onChange: (mode: 'hall' | 'remote') => void;
  legend?: string;
}) {
  return (
    <fieldset>
      <legend>{props.legend ?? 'Attending'}</legend>
      <label className="inline">
        <input
          type="radio"
          name={props.name}
          checked={props.mode === 'hall'}
          onChange={() => props.onChange('hall')}
        />{' '}
        In the hall
      </label>
      <label className="inline">
        <input
          type="radio"
          name={props.name}
          checked={props.mode === 'remote'}
          onChange={() => props.onChange('remote')}
        />{' '}
        Remote
      </label>
    </fieldset>
  );
}
